import { describeStores } from '../../store/test-stores.js';
import { describeBarcampStore } from './test-contract.js';

describeStores('barcamp-store', describeBarcampStore);
