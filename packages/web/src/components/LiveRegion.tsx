import { useCallback, useState } from 'react';

/**
 * A polite live region for results that also appear as a toast: antd's message vanishes after a few seconds
 * and is not reliably read by screen readers, this stays on the page until the next announcement.
 */
export function useAnnouncer() {
  const [text, setText] = useState('');
  const announce = useCallback((next: string) => {
    // Clearing first makes the same sentence twice in a row be read twice.
    setText('');
    window.setTimeout(() => setText(next), 50);
  }, []);
  const region = (
    <p role="status" aria-live="polite" className="live-region">
      {text}
    </p>
  );
  return { announce, region };
}
