import { describeStores } from '../../store/test-stores.js';
import { describeBoardStore } from './test-contract.js';

describeStores('boards-store', describeBoardStore);
