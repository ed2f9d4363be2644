import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  type ErrorComponentProps,
} from '@tanstack/react-router';
import { Shell } from './Shell.tsx';
import { asOfParam } from '../components/AsOfPicker.tsx';
import { ErrorState, NotFound } from '../components/states.tsx';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

const rootRoute = createRootRoute({
  component: Shell,
  notFoundComponent: NotFound,
  errorComponent: ({ error }: ErrorComponentProps) => <ErrorState error={error} />,
});

export interface OverviewSearch {
  period?: string;
  q?: string;
  sort?: string;
  /** The day the counts are as known on (YYYY-MM-DD); today when absent. */
  asOf?: string;
}
const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: (search: Record<string, unknown>): OverviewSearch => ({
    period: text(search.period),
    q: text(search.q),
    sort: text(search.sort),
    asOf: asOfParam(search.asOf),
  }),
  component: lazyRouteComponent(() => import('../pages/partners/OverviewPage.tsx')),
});

export interface PartnerSearch {
  tab?: string;
  period?: string;
  level?: string;
  /** The day the cooperation records are as known on (YYYY-MM-DD); today when absent. */
  asOf?: string;
}
export const partnerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partners/$code',
  validateSearch: (search: Record<string, unknown>): PartnerSearch => ({
    tab: text(search.tab),
    period: text(search.period),
    level: text(search.level),
    asOf: asOfParam(search.asOf),
  }),
  component: lazyRouteComponent(() => import('../pages/partner/PartnerPage.tsx')),
});

export interface RecordsSearch {
  q?: string;
  partner?: string;
  offset?: number;
  /** Status of statements and outlets, stage of projects. */
  state?: string;
  /** Statements still open after their due date. */
  overdue?: boolean;
}
export const recordListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/records/$kind',
  validateSearch: (search: Record<string, unknown>): RecordsSearch => ({
    q: text(search.q),
    partner: text(search.partner),
    offset: Number.isInteger(Number(search.offset)) && Number(search.offset) > 0 ? Number(search.offset) : undefined,
    state: text(search.state),
    overdue: search.overdue === true || search.overdue === 'true' ? true : undefined,
  }),
  component: lazyRouteComponent(() => import('../pages/records/RecordListPage.tsx')),
});

export const recordNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/records/$kind/new',
  validateSearch: (search: Record<string, unknown>): { partner?: string; meeting?: string } => ({
    partner: text(search.partner),
    meeting: text(search.meeting),
  }),
  component: lazyRouteComponent(() => import('../pages/records/RecordNewPage.tsx')),
});

export const recordDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/records/$kind/$id',
  component: lazyRouteComponent(() => import('../pages/records/RecordDetailPage.tsx')),
});

const tradeDataRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trade-data',
  component: lazyRouteComponent(() => import('../pages/trade-data/TradeDataPage.tsx')),
});

export interface ProductSearch {
  year?: number;
  /** Whose exports and imports of the product, by partner; without one, the world's importers. */
  reporter?: string;
  dataset?: string;
  /** Leaves out the flows their source flags (estimated, confidential, re-export). */
  excludeFlagged?: boolean;
}
export const productRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trade/products/$hs',
  validateSearch: (search: Record<string, unknown>): ProductSearch => ({
    year: Number.isInteger(Number(search.year)) && Number(search.year) > 0 ? Number(search.year) : undefined,
    reporter: text(search.reporter),
    dataset: text(search.dataset),
    excludeFlagged: search.excludeFlagged === true || search.excludeFlagged === 'true' ? true : undefined,
  }),
  component: lazyRouteComponent(() => import('../pages/product/ProductPage.tsx')),
});

export const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/search',
  validateSearch: (search: Record<string, unknown>): { q?: string } => ({ q: text(search.q) }),
  component: lazyRouteComponent(() => import('../pages/search/SearchPage.tsx')),
});

const readoutListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/readouts',
  validateSearch: (search: Record<string, unknown>): { offset?: number } => ({
    offset: Number.isInteger(Number(search.offset)) && Number(search.offset) > 0 ? Number(search.offset) : undefined,
  }),
  component: lazyRouteComponent(() => import('../pages/readouts/ReadoutListPage.tsx')),
});

const readoutNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/readouts/new',
  validateSearch: (search: Record<string, unknown>): { relationshipId?: string } => ({
    relationshipId: text(search.relationshipId),
  }),
  component: lazyRouteComponent(() => import('../pages/readouts/NewReadoutPage.tsx')),
});

const readoutRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/readouts/$id',
  component: lazyRouteComponent(() => import('../pages/readouts/ReadoutPage.tsx')),
});

const routeTree = rootRoute.addChildren([
  overviewRoute,
  partnerRoute,
  recordNewRoute,
  recordDetailRoute,
  recordListRoute,
  tradeDataRoute,
  productRoute,
  readoutListRoute,
  readoutNewRoute,
  readoutRoute,
  searchRoute,
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
