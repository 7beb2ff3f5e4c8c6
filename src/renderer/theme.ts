import type { ThemeConfig } from 'antd';

/** The app's colours and type size, the same on the sign-in screen and in the shell. */
export const THEME: ThemeConfig = { token: { colorPrimary: '#b71c1c', fontSize: 15 } };
