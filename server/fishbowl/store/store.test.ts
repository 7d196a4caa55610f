import { describeStores } from '../../store/test-stores.js';
import { describeFishbowlStore } from './test-contract.js';

describeStores('fishbowl-store', describeFishbowlStore);
