/**
 * INTEGRATION POINT with src/office (the read-message ladder). The pane uses only these four names from
 * /tmp/apis.md; everything Office-specific about reading the message lives in src/office.
 */
export { readCurrentMessage, getHost, onItemChanged, isOfficeHost } from "../office/index";
