import { Title } from '@mantine/core';

// Placeholder until this page is built.
export default function SearchPage() {
  return <Title order={1}>SearchPage</Title>;
}
