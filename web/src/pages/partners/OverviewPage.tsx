import { Title } from '@mantine/core';

// Placeholder until this page is built.
export default function OverviewPage() {
  return <Title order={1}>OverviewPage</Title>;
}
