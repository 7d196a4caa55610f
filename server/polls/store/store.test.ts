import { describeStores } from '../../store/test-stores.js';
import { describePollStore } from './test-contract.js';

describeStores('polls-store', describePollStore);
