import { describeStores } from '../../store/test-stores.js';
import { describeAgendaStore } from './test-contract.js';

describeStores('agenda-store', describeAgendaStore);
