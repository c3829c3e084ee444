/** Command-line front end: `smime-assistant <command> …` (see README and the architecture note). */
import { runCheckP12 } from "./checkP12";
import { runCert, runDiagnose } from "./diagnose";
import { runFaq } from "./faq";
import { processIo, type Io } from "./io";

const USAGE = `S/MIME Assistant — explains S/MIME messages and guides with the JCAN certificate FAQ.

usage: smime-assistant <command> [options]

commands:
  diagnose [--json] [--lang ja|en] [--trust-anchor FILE.pem]… [--at ISO-8601] FILE…   (FILE: .eml, .msg, .p7m/.p7s)
  faq [--json] [--lang ja|en] [--search WORDS]
  cert FILE.eml|FILE.msg --out DIR
  check-p12 FILE.p12 [--password-file F] [--email ADDR] [--at ISO-8601] [--json]
`;

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "diagnose":
      return runDiagnose(rest, io);
    case "faq":
      return runFaq(rest, io);
    case "cert":
      return runCert(rest, io);
    case "check-p12":
      return runCheckP12(rest, io);
    case "help":
    case "--help":
    case "-h":
    case undefined:
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.err(`smime-assistant: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}
