import { Button, Tooltip } from 'antd';
import { useT } from '../i18n';
import { HELP_TITLES, helpHash, type HelpSection } from '../pages/help/help-sections';

/** A small "?" that opens the help page at this page's section (`<HelpLink section="worklist" />`). */
export function HelpLink({ section }: { section: HelpSection }) {
  const t = useT();
  const title = t(HELP_TITLES[section]);
  return (
    <Tooltip title={t('help.linkTip', { section: title })}>
      <Button
        size="small"
        shape="circle"
        href={helpHash(section)}
        aria-label={t('help.linkTip', { section: title })}
        data-testid={`help-link-${section}`}
        style={{ verticalAlign: 'middle', fontWeight: 600 }}
      >
        ?
      </Button>
    </Tooltip>
  );
}
