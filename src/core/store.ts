// The store sheets (Orders, OrderItems, OrderPayments, BuyerProfile, OrderStatusHistory): their schemas and
// row writers, their readers, and the merge of parsed exports into them. Split by concern under store/.
export * from './store/merge';
export * from './store/read';
export * from './store/schema';
