/**
 * src/office: the only code that touches Office.js. The pane calls these; nothing here imports React.
 */
export type { LadderNote, MessageSource, Rung } from "./types";
export { readCurrentMessage, smimeAttachment, type ReadOptions } from "./ladder";
export { secondLook, type Settled } from "./secondLook";
export {
  getHost,
  isOfficeHost,
  userAddress,
  clientFrom,
  languageOf,
  type Lang,
  isOnPremisesExchange,
  isClassicWindows,
} from "./host";
export { onItemChanged, offItemChanged } from "./events";
export { connectOffice, officePort, type OfficePort } from "./port";
export {
  initialDark,
  initialLanguage,
  inMailHost,
  luminance,
  officeReady,
  onThemeChange,
  OFFICE_READY_TIMEOUT_MS,
} from "./environment";
export {
  onDragAndDrop,
  readDrop,
  isMessageFile,
  MAX_DROPPED_FILE,
  type DroppedMessage,
  type DropResult,
  type DragAndDropHandlers,
} from "./dragDrop";
export {
  getSetting,
  setSetting,
  removeSetting,
  saveSettings,
  type SettingKey,
  type SettingsSchema,
} from "./settings";
export { callOffice, OfficeCallError, DEFAULT_TIMEOUT_MS, type OfficeCallErrorKind } from "./async";
export {
  partialFromHeaders,
  partialFromBasic,
  layerFromContentType,
  layerFromItemClass,
  garbledCharset,
  type OfficeAttachmentInfo,
} from "./partial";
export { toMimeMessage, type OuterHeaders, type Rebuilt } from "./rebuild";
