/** Every workshop has one plenary; breakout rooms get ids of their own. Boards, chat and polls are per room. */
export const PLENARY = 'plenary';
