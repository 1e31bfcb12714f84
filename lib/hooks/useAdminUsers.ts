import type { AdminUsers } from "@/lib/api/types";
import { useGuardedResource } from "./useGuardedResource";

/** GET /api/admin/users: only for the `admin` role. */
export const useAdminUsers = () => useGuardedResource<AdminUsers>("/admin/users");
