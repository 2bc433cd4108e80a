import type { ComponentType } from 'react';
import { AreasPage } from '../screens/areas/AreasPage';
import { ComparisonsPage } from '../screens/comparisons/ComparisonsPage';
import { DeliveryGroupsPage } from '../screens/delivery-groups/DeliveryGroupsPage';
import { FiguresPage } from '../screens/figures/FiguresPage';
import { FundingPage } from '../screens/funding/FundingPage';
import { GlossaryPage } from '../screens/glossary/GlossaryPage';
import { ImportsPage } from '../screens/imports/ImportsPage';
import { IndicatorsPage } from '../screens/indicators/IndicatorsPage';
import { MeetingsPage } from '../screens/meetings/MeetingsPage';
import { PartnersPage } from '../screens/partners/PartnersPage';
import { PeriodsPage } from '../screens/periods/PeriodsPage';
import { PlansPage } from '../screens/plans/PlansPage';

export interface ScreenEntry {
  readonly id: string;
  readonly label: string;
  readonly component: ComponentType;
}

export const SCREENS = [
  { id: 'plans', label: 'Plans', component: PlansPage },
  { id: 'delivery-groups', label: 'Delivery groups', component: DeliveryGroupsPage },
  { id: 'partners', label: 'Partners & people', component: PartnersPage },
  { id: 'areas', label: 'Areas', component: AreasPage },
  { id: 'periods', label: 'Periods', component: PeriodsPage },
  { id: 'indicators', label: 'Indicators', component: IndicatorsPage },
  { id: 'figures', label: 'Figures', component: FiguresPage },
  { id: 'imports', label: 'Import', component: ImportsPage },
  { id: 'comparisons', label: 'Comparisons', component: ComparisonsPage },
  { id: 'meetings', label: 'Meetings & packs', component: MeetingsPage },
  { id: 'funding', label: 'Funding', component: FundingPage },
  { id: 'glossary', label: 'Glossary', component: GlossaryPage },
] as const satisfies readonly ScreenEntry[];

export type ScreenId = (typeof SCREENS)[number]['id'];
