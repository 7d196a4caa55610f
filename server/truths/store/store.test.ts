import { describeStores } from '../../store/test-stores.js';
import { describeTruthsStore } from './test-contract.js';

describeStores('truths-store', describeTruthsStore);
