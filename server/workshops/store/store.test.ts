import { describeStores } from '../../store/test-stores.js';
import { describeStore } from './test-contract.js';

describeStores('store', describeStore);
