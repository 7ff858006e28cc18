// The dtsen domain's one door: other domains and the API handlers import only this file.
export * from './dtsen';
export * from './ringkasan';
