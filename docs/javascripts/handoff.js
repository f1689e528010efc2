// What one tool page hands to the next within one visit, in memory only. Material's
// instant navigation keeps ES modules alive, so a value offered on one page is there
// when the next page mounts; a reload, a new tab or closing the page loses it. Never
// stored, never in the URL: borrower data stays in this page's memory.
const offered = new Map();

// Offer `value` (e.g. a promise of an envelope) to the tool page `tool` opens next.
export function offer(tool, value) {
  offered.set(tool, value);
}

// What was offered to `tool`, once: taking it clears it.
export function take(tool) {
  const value = offered.get(tool);
  offered.delete(tool);
  return value;
}
