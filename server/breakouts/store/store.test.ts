import { describeStores } from '../../store/test-stores.js';
import { describeBreakoutStore } from './test-contract.js';

describeStores('breakouts-store', describeBreakoutStore);
