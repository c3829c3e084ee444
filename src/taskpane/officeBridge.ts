/**
 * The pane's window on src/office: reading the message, the host, item changes, and the signing-setup
 * and known-certificates helpers. Everything Office-specific lives in src/office.
 */
export {
  readCurrentMessage,
  getHost,
  onItemChanged,
  onDragAndDrop,
  MAX_DROPPED_FILE,
  isOfficeHost,
  secondLook,
  type DropResult,
} from "../office/index";
export { isComposeMode, rememberSigners } from "../office/compose/index";
