import type { Command } from 'commander';

export function registerMeetingsCommands(program: Command): void {
  void program;
}
