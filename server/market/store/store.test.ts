import { describeStores } from '../../store/test-stores.js';
import { describeMarketStore } from './test-contract.js';

describeStores('market-store', describeMarketStore);
