// The situs domain's one door: other domains and the API handlers import only this file.
export * from './situs';
export { kumpulkanDataSitusK } from './data';
