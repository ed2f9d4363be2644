import { AppShell, Burger, Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterAnchor, RouterNavLink } from '../components/links.tsx';
import { recordKinds } from '../pages/records/kinds.ts';

export function Shell() {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [query, setQuery] = useState('');

  function search(event: FormEvent) {
    event.preventDefault();
    if (query.trim() === '') return;
    void navigate({ to: '/search', search: { q: query.trim() } });
  }

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="accord-skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} />
            <RouterAnchor to="/" underline="never" c="inherit">
              <Text fw={700} size="lg" component="span">
                Accord
              </Text>
            </RouterAnchor>
          </Group>
          <form role="search" onSubmit={search} style={{ flex: 1, maxWidth: 420 }}>
            <TextInput
              aria-label={t('shell.search')}
              placeholder={t('shell.searchPlaceholder')}
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
            />
          </form>
          <SegmentedControl
            aria-label={t('shell.language')}
            value={i18n.language === 'ru' ? 'ru' : 'en'}
            onChange={(language) => void i18n.changeLanguage(language)}
            data={[
              { value: 'en', label: 'EN' },
              { value: 'ru', label: 'RU' },
            ]}
          />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')}>
        <nav>
          <RouterNavLink
            color="teal.9"
            variant="filled"
            to="/"
            label={t('nav.partners')}
            active={pathname === '/' || pathname.startsWith('/partners/')}
            onClick={close}
          />
          {recordKinds.map((kind) => (
            <RouterNavLink
              color="teal.9"
              variant="filled"
              key={kind}
              to="/records/$kind"
              params={{ kind }}
              label={t(`nav.${kind}`)}
              active={pathname.startsWith(`/records/${kind}`)}
              onClick={close}
            />
          ))}
          <RouterNavLink
            color="teal.9"
            variant="filled"
            to="/readouts"
            label={t('nav.readouts')}
            active={pathname.startsWith('/readouts')}
            onClick={close}
          />
          <RouterNavLink
            color="teal.9"
            variant="filled"
            to="/trade-data"
            label={t('nav.tradeData')}
            active={pathname.startsWith('/trade-data')}
            onClick={close}
          />
        </nav>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
