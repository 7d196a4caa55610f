import { defineMessages } from '../define.js';

/** Fishbowl seats. English defines the keys; each language has its own file (./de/fishbowl.ts, …). */
export const fishbowl = defineMessages({
  'fishbowl.title': 'Fishbowl',
  'fishbowl.setup': 'Prepare a fishbowl',
  'fishbowl.seats': 'Seats in the inner circle (3–6, one stays empty)',
  'fishbowl.start': 'Start the fishbowl',
  'fishbowl.stop': 'End the fishbowl',
  'fishbowl.explain':
    'Only the inner circle speaks. Take the empty seat to join the conversation; leave it when you have said your piece.',
  'fishbowl.counter': '{taken} of {seats} seats taken',
  'fishbowl.circle': 'The inner circle',
  'fishbowl.emptySeat': 'Empty seat',
  'fishbowl.you': '(you)',
  'fishbowl.permanent': 'moderator',
  'fishbowl.take': 'Take the empty seat',
  'fishbowl.raise': 'Raise hand for a seat',
  'fishbowl.lower': 'Lower my hand',
  'fishbowl.leave': 'Leave the seat (tap out)',
  'fishbowl.queuePosition': 'Your hand is up: you are number {n} for the next free seat.',
  'fishbowl.queue': 'Waiting for a seat: {names}',
  'fishbowl.inCircle': 'You are in the circle: your camera and microphone are yours to use.',
  'fishbowl.makeRoom':
    'Thank you! Every seat is taken now: please make room for someone new when you have finished your thought.',
  'fishbowl.full': 'Every seat is taken. Raise your hand and you get the next free seat.',
  'fishbowl.noMedia': 'You joined without camera and microphone: follow the circle and write in the chat.',
  'fishbowl.inRoom': 'The fishbowl runs in the plenary.',
  'fishbowl.ended': 'The fishbowl is over.',
});
