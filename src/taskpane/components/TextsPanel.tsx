import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { partName, type DecodedText } from "../../engine";
import { charsetName } from "../../faq/verdict";
import { useI18n } from "../i18n/index";

/** Characters of one text part shown in the pane. */
export const MAX_SHOWN = 20_000;

const useStyles = makeStyles({
  pre: {
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    maxHeight: "40vh",
    overflowY: "auto",
    margin: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase,
  },
  meta: { color: tokens.colorNeutralForeground2, marginBlock: tokens.spacingVerticalXS },
});

/**
 * The message's text parts decoded in the detected charset — as TEXT (React text nodes; message HTML is
 * never rendered). Open when the engine found a charset problem (mojibake), collapsed otherwise.
 */
export function TextsPanel({ texts, open }: { texts: DecodedText[]; open: boolean }): JSX.Element | null {
  const s = useStyles();
  const { t, p } = useI18n();
  if (texts.length === 0) return null;
  return (
    <section aria-labelledby="texts-h">
      <Accordion collapsible defaultOpenItems={open ? ["texts"] : []}>
        <AccordionItem value="texts">
          <AccordionHeader as="h3" id="texts-h">
            {open ? t("texts") : t("showText")}
          </AccordionHeader>
          <AccordionPanel>
            {texts.map((tx) => {
              const shown = tx.text.length > MAX_SHOWN ? tx.text.slice(0, MAX_SHOWN) : tx.text;
              return (
                <div key={tx.part} data-testid="decoded-text" data-charset={tx.detectedCharset}>
                  <p className={s.meta}>
                    {t("textDecodedAs", {
                      part: p(partName(tx.part)),
                      type: tx.contentType,
                      detected: charsetName(tx.detectedCharset),
                    })}
                    {tx.declaredCharset
                      ? t("textDeclared", { declared: charsetName(tx.declaredCharset) })
                      : t("textUndeclared")}
                    {shown !== tx.text ? ` ${t("textTruncated")}` : ""}
                  </p>
                  <pre className={s.pre} tabIndex={0} data-testid="decoded-text-body">
                    {shown}
                  </pre>
                </div>
              );
            })}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
