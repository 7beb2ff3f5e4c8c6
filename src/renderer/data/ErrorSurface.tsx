import { App as AntApp } from 'antd';
import { useEffect } from 'react';
import { subscribeErrors } from './errors';

/** Long messages (a file's problem, a rejected row) stay longer, so they can be read. */
const durationFor = (text: string) => (text.length > 60 ? 8 : 4);

/** The one place failed API calls are shown: a message at the top of the window. Renders nothing itself. */
export function ErrorSurface() {
  const { message } = AntApp.useApp();
  useEffect(
    () => subscribeErrors((error) => void message.error({ content: error.message, duration: durationFor(error.message) })),
    [message],
  );
  return null;
}
