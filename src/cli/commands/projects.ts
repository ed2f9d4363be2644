import type { Command } from 'commander';

export function registerProjectsCommands(program: Command): void {
  void program;
}
