import { Title } from '@mantine/core';

// Placeholder until this page is built.
export default function RecordDetailPage() {
  return <Title order={1}>RecordDetailPage</Title>;
}
