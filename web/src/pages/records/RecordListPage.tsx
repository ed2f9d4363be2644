import { Title } from '@mantine/core';

// Placeholder until this page is built.
export default function RecordListPage() {
  return <Title order={1}>RecordListPage</Title>;
}
