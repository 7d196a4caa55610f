import { describeStores } from '../../store/test-stores.js';
import { describeSpeakingStore } from './test-contract.js';

describeStores('speaking-store', describeSpeakingStore);
