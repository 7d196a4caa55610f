import { describeStores } from '../../store/test-stores.js';
import { describeMediaStore } from './test-contract-media.js';

describeStores('media-store', describeMediaStore);
