// Stand-in for the "electron" module in tsconfig.node.json: it exports nothing, so an import of
// electron from main/services, db/ or the CLI is a type error. Only main/electron/ and preload/ may use it.
declare const electronIsOnlyForMainElectronAndPreload: unique symbol;
export default electronIsOnlyForMainElectronAndPreload;
