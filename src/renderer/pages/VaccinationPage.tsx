import { CheckCircleOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { InfectionView, ListSummary, RequestOf, VaccinationView } from '../../shared/api-contract';
import type { VaccineProduct } from '../../shared/vaccination/rules';
import { api } from '../api/client';
import { StatusTag } from '../components/StatusTag';
import { showDate } from '../format';
import { useT } from '../i18n';

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * Tiêm chủng: the results lists and their doses with the problems each rule found, the chairman's
 * confirmation, results typed in by hand, F0 records, and the editable vaccine table.
 */
export function VaccinationPage() {
  const t = useT();
  const [lists, setLists] = useState<readonly ListSummary[]>([]);
  const [open, setOpen] = useState<ListSummary | null>(null);
  const [doses, setDoses] = useState<readonly VaccinationView[]>([]);
  const [confirming, setConfirming] = useState<ListSummary | null>(null);
  const [confirmForm] = Form.useForm<{ by: string }>();

  const load = useCallback(
    () =>
      api['lists-all']({}).then((r) => {
        if (r.ok) setLists(r.value.filter((l) => l.kind === 'results'));
      }),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const show = async (list: ListSummary) => {
    setOpen(list);
    const r = await api['vaccination-doses']({ listId: list.id });
    if (r.ok) setDoses(r.value);
  };

  const confirm = async () => {
    if (!confirming) return;
    const { by } = await confirmForm.validateFields();
    const r = await api['vaccination-confirm']({ listId: confirming.id, by });
    if (!r.ok) return void message.error(r.error.message);
    setConfirming(null);
    void message.success(t('vacc.confirmed'));
    void load();
  };
  const problemCount = doses.filter((d) => d.problems.length > 0).length;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.vaccination')}
      </Typography.Title>
      <Card title={t('vacc.lists')}>
        <Table
          size="small"
          rowKey="id"
          data-testid="results-lists"
          dataSource={[...lists]}
          pagination={false}
          locale={{ emptyText: t('vacc.noLists') }}
          onRow={(l) => ({ onClick: () => void show(l), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('lists.colFile'), dataIndex: 'fileName' },
            { title: t('lists.colSource'), dataIndex: 'source' },
            { title: t('lists.colDrawnUp'), render: (_, l: ListSummary) => showDate(l.drawnUp) },
            { title: t('vacc.colRows'), dataIndex: 'rows' },
            {
              title: t('vacc.colConfirmed'),
              render: (_, l: ListSummary) =>
                l.confirmedBy ? (
                  <Tag icon={<CheckCircleOutlined />} color="green">
                    {l.confirmedBy} · {new Date(l.confirmedAt!).toLocaleString('vi-VN')}
                  </Tag>
                ) : (
                  <Button
                    size="small"
                    onClick={(e) => {
                      e.stopPropagation();
                      void show(l);
                      setConfirming(l);
                    }}
                  >
                    {t('vacc.confirm')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {open && (
        <Card title={`${t('vacc.doses')}: ${open.fileName}`} data-testid="doses">
          <Table
            size="small"
            rowKey="id"
            dataSource={[...doses]}
            pagination={{ pageSize: 50 }}
            columns={[
              { title: t('col.row'), dataIndex: 'row', width: 60 },
              { title: t('col.fullName'), dataIndex: 'fullName' },
              { title: t('col.personalId'), dataIndex: 'personalId' },
              { title: t('package.col.vaccinationDate'), render: (_, d: VaccinationView) => showDate(d.vaccinationDate) },
              { title: t('package.col.vaccine'), render: (_, d: VaccinationView) => d.productCode ?? d.vaccine },
              { title: t('package.col.lot'), dataIndex: 'lot' },
              { title: t('package.col.dose'), dataIndex: 'dose', width: 60 },
              {
                title: '',
                render: (_, d: VaccinationView) => (
                  <Space direction="vertical" size={2}>
                    {d.status && d.status !== 'matched' && <StatusTag status={d.status} />}
                    {d.problems.map((p) => (
                      <Tag key={p} color="red" style={{ whiteSpace: 'normal' }}>
                        {p}
                      </Tag>
                    ))}
                    {d.problems.length === 0 && d.status === 'matched' && <Tag color="green">{t('vacc.ok')}</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <ManualEntry onSaved={load} />
      <Infections />
      <Products />
      <Modal
        open={confirming !== null}
        title={confirming ? t('vacc.confirmTitle', { file: confirming.fileName }) : ''}
        okText={t('vacc.confirm')}
        onOk={() => void confirm()}
        onCancel={() => setConfirming(null)}
      >
        <Typography.Paragraph>{t('vacc.confirmBody')}</Typography.Paragraph>
        {problemCount > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('vacc.confirmProblems', { count: problemCount })}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form form={confirmForm} layout="vertical">
          <Form.Item name="by" label={t('vacc.confirmBy')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

type ManualRow = Omit<RequestOf<'vaccination-manual'>['rows'][number], 'vaccinationDate'> & { vaccinationDate: Dayjs };

function ManualEntry({ onSaved }: { onSaved: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ rows: ManualRow[] }>();
  const save = async ({ rows }: { rows: ManualRow[] }) => {
    const r = await api['vaccination-manual']({
      rows: rows.map((row) => ({
        ...row,
        birthDate: row.birthDate ?? '',
        idNumber: row.idNumber ?? '',
        address: row.address ?? '',
        lot: row.lot ?? '',
        facility: row.facility ?? '',
        vaccinationDate: iso(row.vaccinationDate)!,
      })),
    });
    if (!r.ok) return void message.error(r.error.message);
    void message.success(t('vacc.manualSaved', { listId: r.value.listId }));
    form.resetFields();
    onSaved();
  };
  const required = [{ required: true, whitespace: true }];
  return (
    <Card title={t('vacc.manual')}>
      <Form form={form} onFinish={(v) => void save(v)} initialValues={{ rows: [{ dose: 1 }] }} data-testid="manual-entry">
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Space key={key} wrap align="start">
                  <Form.Item name={[name, 'fullName']} rules={required}>
                    <Input placeholder={t('col.fullName')} aria-label={t('col.fullName')} />
                  </Form.Item>
                  <Form.Item name={[name, 'birthDate']}>
                    <Input placeholder={t('col.birthDate')} aria-label={t('col.birthDate')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'idNumber']}>
                    <Input placeholder={t('field.idNumber')} aria-label={t('field.idNumber')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'vaccinationDate']} rules={[{ required: true }]}>
                    <DatePicker
                      format="DD/MM/YYYY"
                      placeholder={t('package.col.vaccinationDate')}
                      aria-label={t('package.col.vaccinationDate')}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'vaccine']} rules={required}>
                    <Input placeholder={t('package.col.vaccine')} aria-label={t('package.col.vaccine')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'lot']}>
                    <Input placeholder={t('package.col.lot')} aria-label={t('package.col.lot')} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'dose']} rules={[{ required: true }]}>
                    <InputNumber min={1} max={6} placeholder={t('package.col.dose')} aria-label={t('package.col.dose')} />
                  </Form.Item>
                  <Form.Item name={[name, 'facility']}>
                    <Input placeholder={t('package.col.facility')} aria-label={t('package.col.facility')} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(name)} style={{ marginTop: 8 }} />}
                </Space>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ dose: 1 })}>
                  {t('vacc.addRow')}
                </Button>
                <Button type="primary" htmlType="submit">
                  {t('vacc.saveManual')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

function Infections() {
  const t = useT();
  const [rows, setRows] = useState<readonly InfectionView[]>([]);
  const [form] = Form.useForm<{ personalId: string; confirmedOn: Dayjs; recoveredOn?: Dayjs; test?: string }>();
  const load = useCallback(
    () =>
      api['infections-list']({}).then((r) => {
        if (r.ok) setRows(r.value);
      }),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const add = async (v: { personalId: string; confirmedOn: Dayjs; recoveredOn?: Dayjs; test?: string }) => {
    const r = await api['infections-add']({
      personalId: v.personalId,
      confirmedOn: iso(v.confirmedOn)!,
      recoveredOn: iso(v.recoveredOn),
      test: v.test?.trim() || null,
    });
    if (!r.ok) return void message.error(r.error.message);
    form.resetFields();
    void load();
  };
  return (
    <Card title={t('vacc.infections')}>
      <Form form={form} layout="inline" onFinish={(v) => void add(v)} style={{ marginBottom: 12 }}>
        <Form.Item name="personalId" rules={[{ required: true, whitespace: true }]}>
          <Input placeholder={t('col.personalId')} aria-label={t('col.personalId')} />
        </Form.Item>
        <Form.Item name="confirmedOn" rules={[{ required: true }]}>
          <DatePicker
            format="DD/MM/YYYY"
            placeholder={t('vacc.confirmedOn')}
            aria-label={t('vacc.confirmedOn')}
            maxDate={dayjs()}
          />
        </Form.Item>
        <Form.Item name="recoveredOn">
          <DatePicker format="DD/MM/YYYY" placeholder={t('vacc.recoveredOn')} aria-label={t('vacc.recoveredOn')} />
        </Form.Item>
        <Form.Item name="test">
          <Input placeholder={t('vacc.test')} aria-label={t('vacc.test')} />
        </Form.Item>
        <Button htmlType="submit">{t('vacc.addInfection')}</Button>
      </Form>
      <Table
        size="small"
        rowKey="id"
        dataSource={[...rows]}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('col.personalId'), dataIndex: 'personalId' },
          { title: t('col.fullName'), dataIndex: 'fullName' },
          { title: t('vacc.confirmedOn'), render: (_, i: InfectionView) => showDate(i.confirmedOn) },
          { title: t('vacc.recoveredOn'), render: (_, i: InfectionView) => showDate(i.recoveredOn) },
          { title: t('vacc.test'), dataIndex: 'test' },
        ]}
      />
    </Card>
  );
}

function Products() {
  const t = useT();
  const [products, setProducts] = useState<readonly VaccineProduct[]>([]);
  useEffect(() => {
    void api['vaccine-products']({}).then((r) => {
      if (r.ok) setProducts(r.value);
    });
  }, []);
  const save = async (product: VaccineProduct) => {
    const r = await api['vaccine-product-save']({
      product: { ...product, aliases: [...product.aliases], mixesWith: [...product.mixesWith] },
    });
    if (!r.ok) return void message.error(r.error.message);
    setProducts(r.value);
    void message.success(t('vacc.saved'));
  };
  const number = (p: VaccineProduct, field: 'primaryDoses' | 'minIntervalDays' | 'boosterAfterDays') => (
    <InputNumber
      size="small"
      min={field === 'primaryDoses' ? 1 : 0}
      value={p[field]}
      aria-label={`${p.name} ${field}`}
      onChange={(value) => value !== null && void save({ ...p, [field]: value })}
    />
  );
  return (
    <Card title={t('vacc.products')}>
      <Table
        size="small"
        rowKey="code"
        dataSource={[...products]}
        pagination={false}
        columns={[
          { title: t('vacc.colProduct'), dataIndex: 'name' },
          { title: t('vacc.colPrimary'), render: (_, p: VaccineProduct) => number(p, 'primaryDoses') },
          { title: t('vacc.colInterval'), render: (_, p: VaccineProduct) => number(p, 'minIntervalDays') },
          { title: t('vacc.colBooster'), render: (_, p: VaccineProduct) => number(p, 'boosterAfterDays') },
          { title: t('vacc.colApproved'), render: (_, p: VaccineProduct) => showDate(p.approvedOn) },
          {
            title: t('vacc.colMixes'),
            render: (_, p: VaccineProduct) => p.mixesWith.map((c) => products.find((o) => o.code === c)?.name ?? c).join(', '),
          },
        ]}
      />
    </Card>
  );
}
