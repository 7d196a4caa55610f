import { describeStores } from '../../store/test-stores.js';
import { describeSfuStore } from './test-contract.js';

describeStores('sfu-store', describeSfuStore);
