import { describeStores } from '../../store/test-stores.js';
import { describeGalleryStore } from './test-contract.js';

describeStores('gallery-store', describeGalleryStore);
