#!/usr/bin/env bash
# bench/generate.sh — inputs of `npm run bench` (bench/engine.mjs), made with the OpenSSL 3 CLI into
# bench/out/ (git-ignored; wiped and recreated on every run, a few seconds):
#   ca.pem             the trust anchor (a test root CA) for `openssl cms -verify -CAfile` and --trust-anchor
#   signer.pem/.key    the end-entity certificate (RSA-2048, alice@example.jp), issued by the root
#   big.eml            ~50 MB multipart/signed (RSA-2048 / SHA-256): a text part and a base64 attachment of
#                      random bytes (BENCH_BIG_MB to change the size)
#   small/001..200.eml 200 small signed messages (text only, each different)
# Every signature is made with `openssl cms -sign -binary` over CRLF-canonical content; big.eml and a
# sample of the small ones are verified with `openssl cms -verify`. Exits non-zero on any failure.
set -euo pipefail
export LC_ALL=C

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
BIG_MB="${BENCH_BIG_MB:-50}"
SMALL=200

W="$(mktemp -d)"
trap 'rm -rf "$W"' EXIT
rm -rf "$OUT/big.eml" "$OUT/small" "$OUT/ca.pem" "$OUT/signer.pem" "$OUT/signer.key"
mkdir -p "$OUT/small"

ossl() {
  if ! openssl "$@" 2>"$W/err"; then
    echo "bench/generate.sh: openssl $* FAILED:" >&2
    cat "$W/err" >&2
    exit 1
  fi
}

# ---- PKI: root CA → signer, fixed validity 2025-01-01 → 2045-01-01
cat >"$W/ca.cnf" <<'EOF'
[ ca ]
default_ca = tca
[ tca ]
dir = $ENV::CADIR
database = $dir/index.txt
serial = $dir/serial
new_certs_dir = $dir
certificate = $dir/ca.pem
private_key = $dir/ca.key
default_md = sha256
policy = pol
unique_subject = no
email_in_dn = yes
[ pol ]
countryName = optional
organizationName = optional
commonName = supplied
[ req ]
distinguished_name = dn
[ dn ]
[ v3_ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_leaf ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation, keyEncipherment
extendedKeyUsage = emailProtection
subjectAltName = email:alice@example.jp
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
export CADIR="$W"
: >"$W/index.txt"
echo 1000 >"$W/serial"
ossl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$W/ca.key"
ossl req -new -config "$W/ca.cnf" -key "$W/ca.key" -subj "/C=JP/O=S-MIME Assistant Bench/CN=Bench Root CA" -out "$W/ca.csr"
ossl ca -batch -config "$W/ca.cnf" -selfsign -keyfile "$W/ca.key" -in "$W/ca.csr" -out "$W/ca.pem" -notext \
  -extensions v3_ca -startdate 20250101000000Z -enddate 20450101000000Z
ossl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/signer.key"
ossl req -new -config "$W/ca.cnf" -key "$OUT/signer.key" -subj "/C=JP/O=S-MIME Assistant Bench/CN=Alice Example" -out "$W/signer.csr"
ossl ca -batch -config "$W/ca.cnf" -in "$W/signer.csr" -out "$OUT/signer.pem" -notext -extensions v3_leaf \
  -startdate 20250101000000Z -enddate 20450101000000Z
cp "$W/ca.pem" "$OUT/ca.pem"

DATE="$(date -u -R)"
# message OUT CONTENT SIG NAME : headers + multipart/signed around CONTENT (CRLF) and SIG (DER)
message() {
  local b="----=_bench_$4"
  {
    printf 'From: Alice Example <alice@example.jp>\r\nTo: Bob Example <bob@example.jp>\r\n'
    printf 'Subject: bench %s\r\nDate: %s\r\nMessage-ID: <bench-%s@example.jp>\r\nMIME-Version: 1.0\r\n' "$4" "$DATE" "$4"
    printf 'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256;\r\n\tboundary="%s"\r\n\r\n' "$b"
    printf 'This is an S/MIME signed message\r\n\r\n--%s\r\n' "$b"
    cat "$2"
    printf '\r\n--%s\r\n' "$b"
    printf 'Content-Type: application/pkcs7-signature; name="smime.p7s"\r\nContent-Transfer-Encoding: base64\r\n'
    printf 'Content-Disposition: attachment; filename="smime.p7s"\r\n\r\n'
    base64 -w 76 "$3" | sed 's/$/\r/'
    printf '\r\n--%s--\r\n' "$b"
  } >"$1"
}
sign() { ossl cms -sign -binary -in "$1" -signer "$OUT/signer.pem" -inkey "$OUT/signer.key" -md sha256 -outform DER -out "$2"; }

# ---- big.eml: text + base64 attachment of random bytes (3 raw bytes → 4 base64 chars + CRLF per 76)
RAW=$((BIG_MB * 1000000 * 57 / 78))
{
  printf 'Content-Type: multipart/mixed; boundary="----=_bench_mixed"\r\n\r\n'
  printf -- '------=_bench_mixed\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n'
  printf 'Hello Bob,\r\n\r\nthe data set is attached.\r\n\r\nAlice\r\n'
  printf '\r\n------=_bench_mixed\r\nContent-Type: application/octet-stream; name="data.bin"\r\n'
  printf 'Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="data.bin"\r\n\r\n'
  openssl rand "$RAW" | base64 -w 76 | sed 's/$/\r/'
  printf '\r\n------=_bench_mixed--\r\n'
} >"$W/big.content"
sign "$W/big.content" "$W/big.sig"
message "$OUT/big.eml" "$W/big.content" "$W/big.sig" big
ossl cms -verify -in "$OUT/big.eml" -CAfile "$OUT/ca.pem" -purpose any -out /dev/null

# ---- small/001..200.eml, signed in parallel
export OUT W DATE
export -f ossl sign message
seq -f '%03g' 1 "$SMALL" | xargs -P "$(nproc 2>/dev/null || echo 2)" -I{} bash -c '
  set -euo pipefail
  n={}
  printf "Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\nHello Bob,\r\n\r\nthis is small signed message number %s of the batch.\r\n\r\nAlice\r\n" "$n" >"$W/s$n.content"
  W_ERR="$W/err$n"
  openssl cms -sign -binary -in "$W/s$n.content" -signer "$OUT/signer.pem" -inkey "$OUT/signer.key" -md sha256 \
    -outform DER -out "$W/s$n.sig" 2>"$W_ERR" || { cat "$W_ERR" >&2; exit 255; }
  message "$OUT/small/$n.eml" "$W/s$n.content" "$W/s$n.sig" "$n"
'
[[ $(find "$OUT/small" -name '*.eml' | wc -l) -eq $SMALL ]] || { echo "bench/generate.sh: small messages missing" >&2; exit 1; }
for n in 001 100 200; do ossl cms -verify -in "$OUT/small/$n.eml" -CAfile "$OUT/ca.pem" -purpose any -out /dev/null; done

echo "bench/generate.sh: big.eml $(($(wc -c <"$OUT/big.eml") / 1000000)) MB, $SMALL small messages, ca.pem in $OUT"
