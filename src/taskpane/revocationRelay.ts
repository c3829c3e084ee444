/**
 * The pane's revocation transport: the organisation's relay (`npm run relay`, built in with
 * SMIME_ASSISTANT_REVOCATION_RELAY=https://…). An HTTPS page can reach no http:// CRL or OCSP URL (mixed
 * content, CSP), so without a relay the engine is told why it cannot check. The relay is trusted for
 * transport only: it gets the certificate, picks the URL from the certificate itself, and returns the raw
 * answer, which the engine verifies against the issuer.
 */
import { encodeBase64, type RevocationOptions, type RevocationRequest } from "../engine";
import { translate } from "./i18n/index";

/** The relay's base URL built into this bundle, if any. */
export function builtInRelay(): string | undefined {
  const v = typeof __SMIME_REVOCATION_RELAY__ !== "undefined" ? __SMIME_REVOCATION_RELAY__ : "";
  return v ? v.replace(/\/+$/, "") : undefined;
}

/** One exchange with the relay: POST {certificate, kind, url, request} as JSON; the answer's bytes back. */
export function relayFetcher(base: string): (req: RevocationRequest) => Promise<Uint8Array | undefined> {
  return async (req) => {
    const res = await fetch(`${base}/revocation`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        certificate: encodeBase64(req.certificate),
        kind: req.kind,
        url: req.url,
        ...(req.body ? { request: encodeBase64(req.body) } : {}),
      }),
      credentials: "omit",
    });
    if (!res.ok) throw new Error(`relay: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}

/** The engine's revocation options in the pane: through the relay, or the reason it cannot check here. */
export function paneRevocation(relay: string | undefined = builtInRelay()): RevocationOptions {
  // Within the worker's own time limit (analyze.ts, 20 s): 5 s a request, 10 s in all per signer.
  if (relay) return { fetch: relayFetcher(relay), timeoutMs: 5000, totalTimeoutMs: 10_000 };
  return {
    unavailable: {
      en: translate("en", "revocationUnavailable"),
      ja: translate("ja", "revocationUnavailable"),
    },
  };
}
