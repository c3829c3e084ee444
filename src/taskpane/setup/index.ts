/**
 * Signing setup (issue #6 "Check my signing setup"): compose-mode pane, certificate file check, self-test.
 * Mount: see the exports' doc comments; compose mode is taskpane.html?mode=compose or a compose item
 * (isComposeMode() from src/office/compose).
 */
export {
  ComposePane,
  SigningSwitch,
  RecipientList,
  InstructionSteps,
  statusText,
  type ComposePaneProps,
} from "./ComposePane";
export {
  CertificateFileCheck,
  FileCheckResult,
  FindingList,
  type CertificateFileCheckProps,
} from "./CertificateFileCheck";
export { SelfTestPanel, SelfTestHowTo, type SelfTestPanelProps } from "./SelfTestPanel";
export { FaqCard } from "./FaqCard";
export { recipientStatus, certificateState, summarize, isUsable, EXPIRING_DAYS } from "./recipients";
export type { RecipientRow, RecipientState, RecipientSummary } from "./recipients";
export { selfTestVerdict, isSelfMessage, SELF_TEST_STEPS } from "./selfTest";
export type { SelfTestVerdict, SelfTestState, SelfTestOptions } from "./selfTest";
export { signingGuide, ADDIN_LIMITATION, SIGNING_FAQ_ID } from "./instructions";
export type { SigningGuide, InstructionSet } from "./instructions";
export { runFileCheck, faqForP12, MAX_P12_BYTES } from "./p12Check";
export type { FileCheckOutcome, FileLike, P12Checker } from "./p12Check";
export { isComposeMode } from "../../office/compose/index";
