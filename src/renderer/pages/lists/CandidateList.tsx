import { Button, Card, Col, Row } from 'antd';
import type { ResidentRef } from '../../../shared/api-contract';
import { showDate } from '../../format';
import { useT } from '../../i18n';

/** The residents an ambiguous entry could be; choosing one links the entry to them. */
export function CandidateList({
  candidates,
  chosen,
  onChoose,
}: {
  candidates: readonly ResidentRef[];
  chosen: number | null;
  onChoose: (c: ResidentRef) => void;
}) {
  const t = useT();
  return (
    <Card size="small" type="inner" title={t('lists.candidates')} style={{ marginTop: 12 }}>
      {candidates.map((c) => (
        <Row key={c.id} align="middle" style={{ marginBottom: 6 }}>
          <Col span={18}>
            <strong>{c.fullName}</strong> · {showDate(c.birthDate)} · {c.personalId} · {c.permanentAddress}
          </Col>
          <Col span={6}>
            <Button size="small" type={chosen === c.id ? 'primary' : 'default'} onClick={() => onChoose(c)}>
              {t('lists.choose')}
            </Button>
          </Col>
        </Row>
      ))}
    </Card>
  );
}
