/**
 * ECharts puts a tooltip formatter's answer into the page as HTML. Names in it come from records and files
 * other people wrote, so every line goes through here: escaped, then joined with line breaks.
 */
export function tooltipHtml(lines: Array<string | null | undefined>): string {
  return lines
    .filter((line): line is string => line !== null && line !== undefined && line !== '')
    .map(escapeHtml)
    .join('<br/>');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
