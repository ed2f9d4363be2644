import { Title } from '@mantine/core';

// Placeholder until this page is built.
export default function RecordNewPage() {
  return <Title order={1}>RecordNewPage</Title>;
}
