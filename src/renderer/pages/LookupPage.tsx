import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Input, List, Radio, Row, Space, Table, Tag, Typography, message } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { LookupResult, LookupSource, ResponseMap, ScannerStatus } from '../../shared/api-contract';
import { DOCUMENT_CODE_PREFIX } from '../../shared/documents/letterhead';
import { collectMrzLine } from '../../shared/identity/cccd-mrz';
import type { MessageKey } from '../../shared/i18n';
import { isScannerBurst } from '../../shared/scanner/keyboard-burst';
import type { ComparedField } from '../../shared/verification/vocabulary';
import { call } from '../data/call';
import { useQuery } from '../data/useQuery';
import { ScannerStatusTag } from '../components/ScannerStatusTag';
import { StatusTag } from '../components/StatusTag';
import { XLSX_MIME, downloadBytes } from '../download';
import { sexKey, showDate, useFormat } from '../format';
import { useT } from '../i18n';
import { useScans } from '../scanner/useScanner';

type Direction = 'visit' | 'in' | 'out';

const SOURCE_KEYS: Record<LookupSource, MessageKey> = { qr: 'lookup.scanned', mrz: 'lookup.mrz', typed: 'lookup.typed' };

/**
 * Tra cứu: a scanned card (QR code or MRZ lines) or a typed ID brings up the person; every look-up is
 * a checkpoint visit. Scans come typed into the box, or from the chosen scanner or the demo mode.
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
      // The QR code on a printed list: does this paper match the stored version?
      const verdict = await call('documents-verify', { text: value });
      setText('');
      setResult(null);
      if (verdict) setPaper(verdict);
      return;
    }
    setPaper(null);
    const found = await call('lookup-scan', { text: value, place: place.trim() || '—', direction });
    setText('');
    inputRef.current?.focus();
    setResult(found ?? null);
    if (!found) return;
    void visits.reload();
  };

  useScans((scan) => {
    if (!scan.complete) void message.warning(t('scanner.incompleteScan'));
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
      {paper && (
        <Card title={t('lookup.documentTitle')} data-testid="document-verdict">
          <Alert type={paper.valid ? 'success' : 'error'} showIcon message={paper.message} />
        </Card>
      )}
      {result && <LookupCard result={result} scanned={burstIsScan} />}
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
              width: 90,
              render: (s: LookupSource) => <Tag>{t(SOURCE_KEYS[s])}</Tag>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function LookupCard({ result, scanned }: { result: LookupResult; scanned: boolean }) {
  const t = useT();
  const { card, resident } = result;
  const differs = (field: ComparedField) => result.differences.includes(field);
  const mark = (field: ComparedField, value: string) =>
    differs(field) ? <Typography.Text mark>{value || '—'}</Typography.Text> : value;
  const sexText = (sex: 'male' | 'female' | null | undefined) => (sex ? t(sexKey(sex)) : '');
  const rows: [ComparedField, string, string, string][] = [
    ['fullName', t('col.fullName'), card?.fullName ?? '', resident?.fullName ?? ''],
    ['birthDate', t('col.birthDate'), showDate(card?.birthDate ?? null), showDate(resident?.birthDate ?? null)],
    ['sex', t('col.sex'), sexText(card?.sex), sexText(resident?.sex)],
    [
      'personalId',
      t('col.personalId'),
      card?.personalId ?? result.number,
      resident ? [resident.personalId, resident.oldId].filter(Boolean).join(' / ') : '',
    ],
    ['address', t('col.permanentAddress'), card?.address ?? '', resident?.permanentAddress ?? ''],
  ];
  const expiry = card?.expiryDate ? showDate(card.expiryDate) : null;
  const lostAccents = result.warnings.some((w) => w.includes('HID POS'));
  return (
    <Card
      data-testid="lookup-result"
      title={resident?.fullName ?? card?.fullName ?? result.number}
      extra={<Tag>{t(SOURCE_KEYS[result.source])}</Tag>}
    >
      {result.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 8 }} />
      ))}
      {scanned && lostAccents && <Alert type="info" showIcon message={t('lookup.keyboardHint')} style={{ marginBottom: 8 }} />}
      {!resident && <Alert type="error" showIcon message={t('lookup.notInRegistry')} style={{ marginBottom: 8 }} />}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="">
          <Row>
            <Col span={12}>
              <strong>{card ? t('lookup.card') : ''}</strong>
            </Col>
            <Col span={12}>
              <strong>{t('lookup.registry')}</strong>
            </Col>
          </Row>
        </Descriptions.Item>
        {rows.map(([field, label, cardValue, registryValue]) => (
          <Descriptions.Item key={field} label={label}>
            <Row>
              <Col span={12}>{card || field === 'personalId' ? mark(field, cardValue) : ''}</Col>
              <Col span={12}>{resident ? mark(field, registryValue) : ''}</Col>
            </Row>
          </Descriptions.Item>
        ))}
        {expiry && <Descriptions.Item label={t('lookup.expiryDate')}>{expiry}</Descriptions.Item>}
      </Descriptions>
      {!result.idCheck.valid && <Alert type="warning" showIcon style={{ marginTop: 8 }} message={t('lookup.idInvalid')} />}
      {result.openEntries.length > 0 && (
        <List
          style={{ marginTop: 12 }}
          size="small"
          header={<strong>{t('lookup.openEntries')}</strong>}
          dataSource={[...result.openEntries]}
          renderItem={(e) => (
            <List.Item>
              {e.fileName} · {t('col.row')} {e.row} · <StatusTag status={e.status} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
