import Casework
extension AppDatabase: StoreHealth {}
