/** Command-line front end: `smime-assistant <command> …` (see README and the architecture note). */
export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  process.stderr.write(`smime-assistant: command ${command ?? "(none)"} not yet available\n`);
  return 2;
}
