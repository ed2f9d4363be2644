import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connection.ts';

export function registerDocumentRoutes(app: FastifyInstance, db: Db): void {
  void app;
  void db;
}
