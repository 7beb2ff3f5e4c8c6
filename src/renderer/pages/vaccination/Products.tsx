import { Card, InputNumber, Table, message } from 'antd';
import type { VaccineProduct } from '../../../shared/vaccination/rules';
import { call } from '../../data/call';
import { useQuery } from '../../data/useQuery';
import { showDate } from '../../format';
import { useT } from '../../i18n';

/** The vaccine table the dose checks use, editable in place. */
export function Products() {
  const t = useT();
  const query = useQuery('vaccine-products', {});
  const products = query.data ?? [];
  const save = async (product: VaccineProduct) => {
    const saved = await call('vaccine-product-save', {
      product: { ...product, aliases: [...product.aliases], mixesWith: [...product.mixesWith] },
    });
    if (!saved) return;
    query.setData(saved);
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
