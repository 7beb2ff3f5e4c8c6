import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Radio, Space, Table, Tag, Typography, message } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { ChipScan, CheckpointVisit, LookupResult, ResponseMap, ScannerStatus } from '../../shared/api-contract';
import { DOCUMENT_CODE_PREFIX } from '../../shared/documents/letterhead';
import { collectMrzLine } from '../../shared/identity/cccd-mrz';
import { isScannerBurst } from '../../shared/scanner/keyboard-burst';
import { call } from '../data/call';
import { useQuery } from '../data/useQuery';
import { ChipDeskNotice } from '../components/ChipDeskNotice';
import { ChipStatusTag } from '../components/ChipPanel';
import { LookupResultCard, SOURCE_KEYS } from '../components/LookupResultCard';
import { PaperCheckCard } from '../components/PaperCheckCard';
import { ScannerStatusTag } from '../components/ScannerStatusTag';
import { XLSX_MIME, downloadBytes } from '../download';
import { useFormat } from '../format';
import { useT } from '../i18n';
import { useScans } from '../scanner/useScanner';
import { HelpLink } from '../components/HelpLink';

type Direction = 'visit' | 'in' | 'out';

/**
 * Tra cứu: a scanned card (QR code or MRZ lines), a card read by the chip reader, or a typed ID brings
 * up the person; every look-up is a checkpoint visit. Scans come typed into the box, or from the
 * chosen scanner or the demo mode; chip reads from the reader watched in the background, opened with
 * the key the last QR code or MRZ scanned here gave (or one typed here).
 */
export function LookupPage({ scannerStatus }: { scannerStatus: ScannerStatus | null }) {
  const t = useT();
  const format = useFormat();
  const [text, setText] = useState('');
  const [place, setPlace] = useState('Trụ sở Công an xã');
  const [direction, setDirection] = useState<Direction>('visit');
  const [result, setResult] = useState<LookupResult | null>(null);
  const [burstIsScan, setBurstIsScan] = useState(false);
  // "Who was at this place between these times": the F1/F2 tracing question.
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const range = useMemo(
    () => ({
      place: place.trim() || undefined,
      from: from ? new Date(from).toISOString() : undefined,
      to: to ? new Date(to).toISOString() : undefined,
    }),
    [place, from, to],
  );
  const keyTimes = useRef<number[]>([]);
  const inputRef = useRef<HTMLInputElement | null>(null);
  // MRZ lines arrive one at a time: gathered here until the third.
  const [mrzPending, setMrzPending] = useState<string[]>([]);
  const [paper, setPaper] = useState<ResponseMap['documents-verify'] | null>(null);
  const [chipScan, setChipScan] = useState<ChipScan | null>(null);

  const visits = useQuery('checkpoint-visits', range);

  const look = async (value: string, scanned: boolean) => {
    if (value.trim() === '') return;
    setBurstIsScan(scanned);
    const collected = collectMrzLine(mrzPending, value);
    setMrzPending(collected.pending);
    if (collected.text === null) {
      setText('');
      return;
    }
    value = collected.text;
    if (value.startsWith(`${DOCUMENT_CODE_PREFIX}|`)) {
      // The QR code on a printed list: which stored version it names, shown to compare the paper with.
      const verdict = await call('documents-verify', { text: value });
      setText('');
      setResult(null);
      if (verdict) setPaper(verdict);
      return;
    }
    setPaper(null);
    // A card's QR code or MRZ is its chip's key: a notice about a card waiting for one is answered.
    setChipScan(null);
    const found = await call('lookup-scan', { text: value, place: place.trim() || '—', direction });
    setText('');
    inputRef.current?.focus();
    setResult(found ?? null);
    if (!found) return;
    void visits.reload();
  };

  const chipRead = async (chip: ChipScan) => {
    setChipScan(chip);
    if (chip.state !== 'read') return;
    setPaper(null);
    // The visit logged for this card's QR code or MRZ a moment ago becomes the chip's.
    const visitId = result && result.source !== 'chip' ? result.visitId : undefined;
    const found = await call('lookup-chip', { readId: chip.readId, place: place.trim() || '—', direction, visitId });
    setBurstIsScan(false);
    if (!found) return;
    setResult(found);
    void visits.reload();
  };

  useScans((scan) => {
    if (scan.chip) void chipRead(scan.chip);
    else if (!scan.complete) void message.warning(t('scanner.incompleteScan'));
    else void look(scan.text, scan.source === 'keyboard');
  });

  const playDemo = async () => {
    const played = await call('scanner-demo', {});
    if (played) void message.info(t('scanner.demoPlayed', { name: played.fullName }));
  };

  const exportLog = async () => {
    const file = await call('checkpoint-export', range);
    if (file) downloadBytes(file.fileName, file.data, XLSX_MIME);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('lookup.title')}
          </Typography.Title>
          <HelpLink section="lookup" />
          <ScannerStatusTag status={scannerStatus} />
        </Space>
        <Button icon={<PlayCircleOutlined />} onClick={() => void playDemo()}>
          {t('scanner.demo')}
        </Button>
      </Space>
      <Space wrap>
        <Input
          addonBefore={t('lookup.place')}
          value={place}
          onChange={(e) => setPlace(e.target.value)}
          style={{ width: 360 }}
          aria-label={t('lookup.place')}
        />
        <Radio.Group
          value={direction}
          onChange={(e) => setDirection(e.target.value as Direction)}
          optionType="button"
          options={[
            { value: 'visit', label: t('lookup.modeVisit') },
            { value: 'in', label: t('lookup.modeIn') },
            { value: 'out', label: t('lookup.modeOut') },
          ]}
        />
      </Space>
      <Input
        ref={(el) => {
          inputRef.current = el?.input ?? null;
        }}
        autoFocus
        size="large"
        allowClear
        value={text}
        placeholder={t('lookup.input')}
        aria-label={t('lookup.input')}
        onKeyDown={(e) => {
          if (e.key.length === 1) keyTimes.current.push(performance.now());
        }}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => {
          const scanned = isScannerBurst(keyTimes.current);
          keyTimes.current = [];
          void look(text, scanned);
        }}
      />
      {mrzPending.length > 0 && (
        <Alert type="info" showIcon message={t('lookup.mrzPending', { count: mrzPending.length })} data-testid="mrz-pending" />
      )}
      {chipScan && (
        <ChipDeskNotice
          scan={chipScan}
          onKeySent={(reading) => {
            if (!reading) void message.info(t('chip.desk.keySet'));
          }}
        />
      )}
      {paper && <PaperCheckCard paper={paper} />}
      {result && <LookupResultCard result={result} scanned={burstIsScan} />}
      <Card
        title={t('lookup.visits')}
        extra={
          <Space wrap>
            <Input
              type="datetime-local"
              addonBefore={t('lookup.from')}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              aria-label={t('lookup.from')}
            />
            <Input
              type="datetime-local"
              addonBefore={t('lookup.to')}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              aria-label={t('lookup.to')}
            />
            <Button icon={<DownloadOutlined />} onClick={() => void exportLog()}>
              {t('lookup.export')}
            </Button>
          </Space>
        }
      >
        <Table
          size="small"
          rowKey="id"
          data-testid="visits"
          dataSource={[...(visits.data ?? [])]}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('col.at'), dataIndex: 'at', width: 180, render: (at: string) => format.dateTime(at) },
            { title: t('col.place'), dataIndex: 'place' },
            {
              title: t('col.direction'),
              dataIndex: 'direction',
              width: 100,
              render: (d: Direction) => t(`direction.${d}`),
            },
            { title: t('col.personalId'), dataIndex: 'personalId', width: 140 },
            { title: t('col.fullName'), dataIndex: 'fullName' },
            {
              title: '',
              dataIndex: 'source',
              width: 200,
              render: (_: unknown, v: CheckpointVisit) => (
                <Space size={4}>
                  <Tag>{t(SOURCE_KEYS[v.source])}</Tag>
                  {v.chipStatus && <ChipStatusTag status={v.chipStatus} />}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
