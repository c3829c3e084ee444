/** The per-client step sets of the page's longer how-to entries (signature not received, mojibake, register). */
import type { StepSet } from "../types";

export const SIGNATURE_NOT_RECEIVED_STEPS: StepSet[] = [
  {
    client: "outlook-2003",
    label: { ja: "Outlook 2003の場合", en: "Outlook 2003" },
    steps: [{ ja: "≪ツール≫⇒≪オプション≫⇒≪セキュリティ≫タブ", en: "Tools → Options → Security tab." }],
  },
  {
    client: "outlook-2007",
    label: { ja: "Outlook 2007の場合", en: "Outlook 2007" },
    steps: [
      {
        ja: "≪ツール≫⇒≪セキュリティセンター≫⇒≪電子メールのセキュリティ≫",
        en: "Tools → Trust Center → E-mail Security.",
      },
    ],
  },
  {
    client: "outlook-2010",
    label: { ja: "Outlook 2010の場合", en: "Outlook 2010" },
    steps: [
      {
        ja: "≪オプション≫⇒≪その他オプション≫ダイアログボックスを表示⇒≪セキュリティ設定≫",
        en: "Options → open the More Options dialog box → Security Settings.",
      },
    ],
  },
  {
    client: "outlook-2013-2016",
    label: { ja: "Outlook 2013または2016の場合", en: "Outlook 2013 or 2016" },
    steps: [
      {
        ja: "Outlookを起動し、画面左上のファイルをクリックし、オプションを選択します。",
        en: "Start Outlook, click File at the top left of the window and choose Options.",
      },
      {
        ja: "Outlookのオプション画面の[セキュリティセンター]タブを選択し、「セキュリティセンターの設定」をクリックします。",
        en: "In the Outlook Options window, select the Trust Center tab and click “Trust Center Settings”.",
      },
      {
        ja: "セキュリティセンターの[電子メールのセキュリティ]タブを選択し、「送信メッセージにデジタル署名を追加する」に✔を入れ、OKで画面を閉じます。こちらで設定完了になります。",
        en: "In the Trust Center, select the E-mail Security tab, tick “Add digital signature to outgoing messages” and close the window with OK. The setting is now complete.",
      },
    ],
  },
];

const OUTLOOK_ENCODINGS_NOTE = {
  ja: "「日本語(自動選択)」、「Unicode(UTF-8)」、「日本語(シフトJIS)」のいずれかを選択すると文字化けが解消されることがあります。",
  en: "Choosing “Japanese (Auto-Select)”, “Unicode (UTF-8)” or “Japanese (Shift-JIS)” often fixes the garbled text.",
};

export const MOJIBAKE_STEPS: StepSet[] = [
  {
    client: "outlook-2010-2019-365",
    label: {
      ja: "Outlook 2010 / 2013 / 2016 / 2019 / Office 365 ProPlusの場合",
      en: "Outlook 2010 / 2013 / 2016 / 2019 / Office 365 ProPlus",
    },
    steps: [
      {
        ja: "文字化けしているメールをダブルクリックしてメールを表示",
        en: "Double-click the garbled message to open it in its own window.",
      },
      {
        ja: "「ファイル」→「オプション」→「リボンのユーザー設定」をクリック",
        en: "Click File → Options → Customize Ribbon.",
      },
      {
        ja: "「新しいグループ」をクリックし、「新しいグループ(ユーザー設定)」を追加",
        en: "Click “New Group” to add a “New Group (Custom)”.",
      },
      {
        ja: "「コマンドの選択」で「すべてのコマンド」を選択",
        en: "Under “Choose commands from”, select “All Commands”.",
      },
      {
        ja: "「その他」を選択します。(「その他」が複数ありますが、マウスポインタで対象の「その他」をマウスオーバーしますと「MessageEncodingGallery」の「その他」がありますので、そちらを選択してください(コマンド名は、あいうえお順に並んでいます))",
        en: "Select the encoding command (“その他” in Japanese Outlook). Several commands share that name: hover the mouse pointer over them and pick the one whose tooltip shows “MessageEncodingGallery”. In English Outlook it may be listed under another name, such as “Encoding”; the commands are listed in alphabetical order.",
      },
      {
        ja: "「追加」をクリックし、「新しいグループ」に「その他」を追加。「OK」でOutlookのオプション画面を閉じます",
        en: "Click “Add” to put the command into the new group, then close Outlook Options with “OK”.",
      },
      {
        ja: "追加された「その他」より、適宜項目をクリックし、文字化けが解消するか確認してください。",
        en: "From the newly added command, click an encoding and check whether the text becomes readable.",
      },
    ],
    note: OUTLOOK_ENCODINGS_NOTE,
  },
  {
    client: "outlook-2010-and-earlier",
    label: { ja: "Outlook 2010以前の場合", en: "Outlook 2010 and earlier" },
    steps: [
      {
        ja: "文字化けしているメールをダブルクリックしてメールを表示",
        en: "Double-click the garbled message to open it in its own window.",
      },
      {
        ja: "「メッセージ」タブをクリックし、「移動」グループの「アクション」をクリック",
        en: "Click the Message tab, then “Actions” in the Move group.",
      },
      {
        ja: "「その他アクション」→「エンコード」から、適宜項目をクリックし、文字化けが解消するか確認してください。",
        en: "Under Other Actions → Encoding, click an encoding and check whether the text becomes readable.",
      },
    ],
    note: OUTLOOK_ENCODINGS_NOTE,
  },
  {
    client: "thunderbird",
    label: { ja: "Thunderbirdの場合", en: "Thunderbird" },
    steps: [
      {
        ja: "メニューの「表示」→「テキストエンコーディング」から適宜項目をクリックし、文字化けが解消するか確認してください。",
        en: "From the menu View → Text Encoding, click an encoding and check whether the text becomes readable.",
      },
    ],
    note: {
      ja: "「自動判別(日本語)」、「Unicode」、「日本語(ISO-2022-JP)」、「日本語(Shift_JIS)」のいずれかを選択されると文字化けが解消されることがあります。",
      en: "Choosing “Auto-detect (Japanese)”, “Unicode”, “Japanese (ISO-2022-JP)” or “Japanese (Shift_JIS)” often fixes the garbled text.",
    },
  },
  {
    client: "windows-live-mail",
    label: { ja: "Windows Live メールの場合", en: "Windows Live Mail" },
    steps: [
      {
        ja: "「ホーム」タブ→「エンコード」→「その他」から、適宜項目をクリックし、文字化けが解消するか確認してください。",
        en: "From the Home tab → Encoding → More, click an encoding and check whether the text becomes readable.",
      },
    ],
    note: {
      ja: "「日本語(自動選択)」、「日本語シフトJIS」、「Unicode(UTF-8)」のいずれかを選択されると文字化けが解消されることがあります。",
      en: "Choosing “Japanese (Auto-Select)”, “Japanese (Shift-JIS)” or “Unicode (UTF-8)” often fixes the garbled text.",
    },
  },
  {
    client: "webmail",
    label: { ja: "Webメールの場合", en: "Webmail" },
    steps: [
      {
        ja: "各サービス提供元にお問い合わせください。Webブラウザ(Internet Explorer、Firefox等)上の文字エンコード形式も変更することができますので、同様の対応で文字化けが解消されることがあります。",
        en: "Please ask your webmail provider. You can also change the text encoding in your web browser (Internet Explorer, Firefox, etc.), which may fix the garbled text in the same way.",
      },
      {
        ja: "メニュー「表示」→「エンコード」又は「テキストエンコーディング」から適宜項目をクリックしてください。",
        en: "In the browser menu, click View → Encoding (or Text Encoding) and choose an encoding.",
      },
    ],
  },
];

export const REGISTER_STEPS: StepSet[] = [
  {
    client: "outlook",
    label: { ja: "Outlook", en: "Outlook" },
    steps: [
      {
        ja: "Outlookで受信した電子署名付きメールの差出人氏名を右クリックします。",
        en: "In Outlook, right-click the sender’s name on a digitally signed message you have received.",
      },
      {
        ja: "メニュー画面が表示されますので、「Outlookの連絡先に追加」をクリックします。",
        en: "In the menu that appears, click “Add to Outlook Contacts”.",
      },
      {
        ja: "連絡先登録画面が表示されます。画面上の[表示]タブにある「証明書」をクリックします。",
        en: "The contact window opens. Click “Certificates” under Show at the top of the window.",
      },
      {
        ja: "証明書(デジタルID)に電子証明書が表示されます。画面右側の「プロパティ」をクリックすると証明書のプロパティが表示されますので、証明書情報を確認することができます。",
        en: "The certificate is listed under Certificates (Digital IDs). Click “Properties” on the right to see the certificate’s details.",
      },
      {
        ja: "画面左上の[アクション]タブの「保存して閉じる」をクリックで完了になります。送信相手の電子証明書が登録されます。",
        en: "Click “Save & Close” under Actions at the top left to finish. The correspondent’s certificate is now registered.",
      },
    ],
  },
];
