import type { Command } from 'commander';

export function registerDocumentCommands(program: Command): void {
  void program;
}
