/*
 * Office.js stand-in for the browser tests. Served by Playwright route interception at the official CDN
 * URL (https://appsforoffice.microsoft.com/lib/1/hosted/office.js); the network is never reached.
 * It follows the documented Outlook API shapes the pane and src/office use:
 *   Office.onReady, Office.context.{displayLanguage, officeTheme, requirements.isSetSupported, diagnostics,
 *   platform, mailbox.{item, userProfile, diagnostics, addHandlerAsync, removeHandlerAsync}},
 *   item.{itemType, itemClass, subject, from, sender, attachments, getAsFileAsync,
 *   getAttachmentContentAsync, getAllInternetHeadersAsync, body.getAsync}, AsyncResult {status, value, error}.
 * Configure per test with window.__OFFICE_STUB__ (set by page.addInitScript before this script runs):
 *   { displayLanguage, theme: { bodyBackgroundColor, ... }, mailbox: "1.14" (highest supported set),
 *     hostName, hostVersion, platform, version, user: { emailAddress, displayName },
 *     item: null | { itemClass, subject, from: { displayName, emailAddress }, emlUrl, headers, bodyText,
 *                    attachments: [{ id, name, contentType, size, attachmentType, isInline, url }],
 *                    fail: { getAsFileAsync: "message", ... } } }
 *   compose: { to: [{ displayName, emailAddress }], cc: [...], bcc: [...] }  (a message being written:
 *     item.to/cc/bcc are Recipients with getAsync; item.addHandlerAsync for RecipientsChanged)
 * window.__officeStub.setItem(item) + .fire("olkItemSelectedChanged") simulate selecting another message;
 * .setRecipients(field, list) + .fireItem("olkRecipientsChanged", { changedRecipientFields: { to: true } })
 * simulate editing the recipients. .fire("olkDragAndDropEvent", { dragAndDropEventData: { type: "drop",
 * dataTransfer: { files: [{ name, type, fileContent: Blob }] } } }) simulates a message dropped into the pane. roamingSettings persist in localStorage (as Outlook keeps them in the
 * mailbox) so a read pane's saves reach a later compose pane of the same test.
 */
/* global window, btoa */
(function () {
  "use strict";
  var cfg = window.__OFFICE_STUB__ || {};
  var calls = [];
  var handlers = {};

  var itemHandlers = {};

  var AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };

  function versionLE(a, b) {
    var pa = String(a).split(".").map(Number);
    var pb = String(b).split(".").map(Number);
    for (var i = 0; i < Math.max(pa.length, pb.length); i++) {
      var x = pa[i] || 0;
      var y = pb[i] || 0;
      if (x !== y) return x < y;
    }
    return true;
  }

  function result(value, asyncContext) {
    return { status: AsyncResultStatus.Succeeded, value: value, error: null, asyncContext: asyncContext };
  }
  function failure(message, asyncContext) {
    return {
      status: AsyncResultStatus.Failed,
      value: undefined,
      error: { code: 9020, name: "GenericResponseError", message: message },
      asyncContext: asyncContext,
    };
  }
  /** Office's optional (options, callback) argument pairs. */
  function splitArgs(args) {
    var list = Array.prototype.slice.call(args);
    var cb = typeof list[list.length - 1] === "function" ? list.pop() : undefined;
    var options = list.length && typeof list[list.length - 1] === "object" ? list[list.length - 1] : {};
    return { cb: cb, options: options || {}, rest: list };
  }
  function later(fn) {
    setTimeout(fn, 0);
  }

  function toBase64(buf) {
    var bytes = new Uint8Array(buf);
    var chunks = [];
    for (var i = 0; i < bytes.length; i += 0x8000) {
      chunks.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)));
    }
    return btoa(chunks.join(""));
  }

  function fetchBase64(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status + " for " + url);
      return r.arrayBuffer().then(toBase64);
    });
  }

  function makeItem(spec) {
    if (!spec) return null;
    var fail = spec.fail || {};
    var attachments = (spec.attachments || []).map(function (a) {
      return {
        id: a.id,
        name: a.name,
        contentType: a.contentType,
        size: a.size || 0,
        attachmentType: a.attachmentType || "file",
        isInline: !!a.isInline,
      };
    });
    var item = {
      itemType: "message",
      itemClass: spec.itemClass || "IPM.Note",
      itemId: spec.itemId || "AAMkAD-stub-item",
      subject: spec.subject || "",
      from: spec.from || null,
      sender: spec.sender || spec.from || null,
      to: spec.to || [],
      internetMessageId: spec.internetMessageId || "<stub@example.jp>",
      dateTimeCreated: new Date("2026-11-24T16:53:45Z"),
      attachments: attachments,
      body: {
        getAsync: function () {
          var a = splitArgs(arguments);
          calls.push("body.getAsync");
          later(function () {
            if (!a.cb) return;
            if (fail["body.getAsync"]) a.cb(failure(fail["body.getAsync"], a.options.asyncContext));
            else a.cb(result(spec.bodyText || "", a.options.asyncContext));
          });
        },
      },
      getAsFileAsync: function () {
        var a = splitArgs(arguments);
        calls.push("getAsFileAsync");
        if (fail.getAsFileAsync || !spec.emlUrl) {
          later(function () {
            if (a.cb)
              a.cb(failure(fail.getAsFileAsync || "The item cannot be retrieved.", a.options.asyncContext));
          });
          return;
        }
        fetchBase64(spec.emlUrl).then(
          function (b64) {
            if (a.cb) a.cb(result(b64, a.options.asyncContext));
          },
          function (e) {
            if (a.cb) a.cb(failure(String(e && e.message), a.options.asyncContext));
          },
        );
      },
      getAttachmentContentAsync: function (id) {
        var a = splitArgs(Array.prototype.slice.call(arguments, 1));
        calls.push("getAttachmentContentAsync");
        var att = (spec.attachments || []).find(function (x) {
          return x.id === id;
        });
        if (!att || fail.getAttachmentContentAsync || !att.url) {
          later(function () {
            if (a.cb)
              a.cb(
                failure(fail.getAttachmentContentAsync || "Attachment not found.", a.options.asyncContext),
              );
          });
          return;
        }
        fetchBase64(att.url).then(
          function (b64) {
            if (a.cb) a.cb(result({ content: b64, format: "base64" }, a.options.asyncContext));
          },
          function (e) {
            if (a.cb) a.cb(failure(String(e && e.message), a.options.asyncContext));
          },
        );
      },
      getAllInternetHeadersAsync: function () {
        var a = splitArgs(arguments);
        calls.push("getAllInternetHeadersAsync");
        later(function () {
          if (!a.cb) return;
          if (fail.getAllInternetHeadersAsync)
            a.cb(failure(fail.getAllInternetHeadersAsync, a.options.asyncContext));
          else a.cb(result(spec.headers || "", a.options.asyncContext));
        });
      },
    };
    return item;
  }

  function makeRecipients(list) {
    return {
      getAsync: function () {
        var a = splitArgs(arguments);
        calls.push("recipients.getAsync");
        later(function () {
          if (!a.cb) return;
          a.cb(
            result(
              list.map(function (r) {
                return {
                  displayName: r.displayName || "",
                  emailAddress: r.emailAddress || "",
                  recipientType: r.recipientType || "externalUser",
                };
              }),
              a.options.asyncContext,
            ),
          );
        });
      },
    };
  }

  function makeComposeItem(spec) {
    var lists = { to: spec.to || [], cc: spec.cc || [], bcc: spec.bcc || [] };
    var item = {
      itemType: "message",
      to: makeRecipients(lists.to),
      cc: makeRecipients(lists.cc),
      bcc: makeRecipients(lists.bcc),
      addHandlerAsync: function (eventType, handler) {
        var a = splitArgs(Array.prototype.slice.call(arguments, 2));
        calls.push("item.addHandlerAsync:" + eventType);
        (itemHandlers[eventType] = itemHandlers[eventType] || []).push(handler);
        later(function () {
          if (a.cb) a.cb(result(undefined, a.options.asyncContext));
        });
      },
      removeHandlerAsync: function (eventType) {
        var a = splitArgs(Array.prototype.slice.call(arguments, 1));
        delete itemHandlers[eventType];
        later(function () {
          if (a.cb) a.cb(result(undefined, a.options.asyncContext));
        });
      },
      __set: function (field, list) {
        item[field] = makeRecipients(list);
      },
    };
    return item;
  }

  var mailboxVersion = cfg.mailbox || "1.14";
  var mailbox = {
    item: cfg.compose ? makeComposeItem(cfg.compose) : makeItem(cfg.item),
    userProfile: cfg.user || {
      emailAddress: "bob@example.jp",
      displayName: "Bob Example",
      timeZone: "Tokyo Standard Time",
    },
    diagnostics: {
      hostName: cfg.hostName || "OutlookWebApp",
      hostVersion: cfg.hostVersion || "15.20.8000.0",
      OWAView: "ThreeColumn",
    },
    addHandlerAsync: function (eventType, handler) {
      var a = splitArgs(Array.prototype.slice.call(arguments, 2));
      calls.push("addHandlerAsync:" + eventType);
      (handlers[eventType] = handlers[eventType] || []).push(handler);
      later(function () {
        if (a.cb) a.cb(result(undefined, a.options.asyncContext));
      });
    },
    removeHandlerAsync: function (eventType) {
      var a = splitArgs(Array.prototype.slice.call(arguments, 1));
      delete handlers[eventType];
      later(function () {
        if (a.cb) a.cb(result(undefined, a.options.asyncContext));
      });
    },
  };

  var theme = cfg.theme || {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#000000",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#000000",
  };

  var context = {
    displayLanguage: cfg.displayLanguage || "en-US",
    contentLanguage: cfg.displayLanguage || "en-US",
    officeTheme: theme,
    platform: cfg.platform || "OfficeOnline",
    diagnostics: {
      host: "Outlook",
      platform: cfg.platform || "OfficeOnline",
      version: cfg.version || "16.0.0.0",
    },
    requirements: {
      isSetSupported: function (name, minVersion) {
        if (name !== "Mailbox") return false;
        return versionLE(minVersion || "1.1", mailboxVersion);
      },
    },
    mailbox: mailbox,
    roamingSettings: (function () {
      var KEY = "__stubRoaming";
      var store = {};
      try {
        store = JSON.parse(window.localStorage.getItem(KEY) || "{}") || {};
      } catch {
        store = {};
      }
      return {
        get: function (k) {
          return store[k];
        },
        set: function (k, v) {
          store[k] = JSON.parse(JSON.stringify(v));
        },
        remove: function (k) {
          delete store[k];
        },
        saveAsync: function (cb) {
          calls.push("roamingSettings.saveAsync");
          later(function () {
            try {
              window.localStorage.setItem(KEY, JSON.stringify(store));
            } catch {
              // storage unavailable: the in-memory copy still serves this page
            }
            if (cb) cb(result(undefined));
          });
        },
      };
    })(),
  };

  var readyInfo = { host: "Outlook", platform: context.platform };
  var readyPromise = new Promise(function (resolve) {
    setTimeout(function () {
      if (typeof window.Office.initialize === "function") window.Office.initialize("inserted");
      resolve(readyInfo);
    }, 5);
  });

  window.Office = {
    context: context,
    onReady: function (cb) {
      return readyPromise.then(function (info) {
        if (typeof cb === "function") cb(info);
        return info;
      });
    },
    initialize: undefined,
    AsyncResultStatus: AsyncResultStatus,
    CoercionType: { Text: "text", Html: "html" },
    EventType: {
      ItemChanged: "olkItemSelectedChanged",
      OfficeThemeChanged: "officeThemeChanged",
      RecipientsChanged: "olkRecipientsChanged",
      DragAndDropEvent: "olkDragAndDropEvent",
    },
    HostType: { Outlook: "Outlook" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android" },
    MailboxEnums: {
      AttachmentContentFormat: { Base64: "base64", Url: "url", Eml: "eml", ICalendar: "iCalendar" },
      AttachmentType: { File: "file", Item: "item", Cloud: "cloud" },
      ItemType: { Message: "message", Appointment: "appointment" },
    },
  };

  window.__officeStub = {
    calls: calls,
    setItem: function (spec) {
      mailbox.item = makeItem(spec);
    },
    setTheme: function (t) {
      context.officeTheme = t;
    },
    fire: function (eventType, args) {
      (handlers[eventType] || []).forEach(function (h) {
        h(Object.assign({ type: eventType }, args || {}));
      });
    },
    setRecipients: function (field, list) {
      if (mailbox.item && mailbox.item.__set) mailbox.item.__set(field, list);
    },
    fireItem: function (eventType, args) {
      (itemHandlers[eventType] || []).forEach(function (h) {
        h(Object.assign({ type: eventType }, args || {}));
      });
    },
    handlerCount: function (eventType) {
      return (handlers[eventType] || []).length;
    },
  };
})();
